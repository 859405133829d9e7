"""The Gradio chat page."""

import os

# Gradio reads this when imported and otherwise contacts outside hosts at launch; the page must
# work offline and send nothing anywhere, so it is forced off before anything imports gradio.
os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
