// LindungCompliance: certificates and their QR codes (issue 6). Sources arrive with the compliance work.
