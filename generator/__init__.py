"""Glute Guide: generates the self-care site's Markdown from reviewed YAML content."""
