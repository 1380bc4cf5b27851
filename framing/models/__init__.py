"""The shipped classifier models (JSON and NumPy arrays); see README.md, the model card."""
