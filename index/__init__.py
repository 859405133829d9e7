"""Reading documents into clean, citable text (loaders) and removing page boilerplate (cleaning)."""
