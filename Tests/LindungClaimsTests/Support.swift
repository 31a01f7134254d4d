import LindungCore

func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

let sharedRules: RuleSet = try! RuleSet()
