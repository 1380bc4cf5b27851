"""Renderers: every output format is drawn from one ``Report``."""
