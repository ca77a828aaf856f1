"""Pages: the Markdown of every page from the resolved site, and the site features built with it."""
