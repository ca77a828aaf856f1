"""`gluteguide changes REV`: what a pull request changes for readers, for its reviewer.

The base (content/ at REV, from git) and the head (the working tree) are each loaded, validated and
rendered in memory by today's generator. The report puts first every change that touches safety,
judged from the content models (safety.py), then each page whose text a reader sees changes, as a
diff of that text (reader_text.py)."""
