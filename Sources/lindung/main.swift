import Foundation
import LindungCLI

// The executable only hands over to the CLI library, which tests exercise directly.
exit(await LindungMain.main())
