public enum LindungMain { public static func main() {} }
