// placeholder
import ZIPFoundation
