"""Output: files written safely, the built site checked, MkDocs run, published URLs kept."""
