// Keeps the LindungDemoTests target present in every checkout.
import Testing
