"""Content: YAML read with positions, the models, validation, cross-references and the
resolved site."""
