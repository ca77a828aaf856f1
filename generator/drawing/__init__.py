"""Exercise drawings: poses made into figures, checked and drawn as SVG."""
