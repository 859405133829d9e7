"""Speed and scale measurements (`rag bench`)."""
