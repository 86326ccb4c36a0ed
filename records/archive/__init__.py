"""Export of a case to the e-archive as an E-ARK submission information package (SIP).
See records/README.md, "Export to the e-archive"."""
