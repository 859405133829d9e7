"""Switches every dependency's telemetry and hub access off, before any of them is imported.

rag promises to run offline: no model is downloaded at run time and nothing is reported home.
Several dependencies phone home by default (onnxruntime writes usage events under
~/.cache/Microsoft/DeveloperTools and sends them to Microsoft; Chroma and Gradio send anonymous
analytics; the Hugging Face libraries look models up on the hub). Their switches are environment
variables read when they are first imported, so this module runs at `import rag` / `import index`.
Telemetry switches are forced; the offline switches only default, so that a developer who really
wants to fetch a model can still say so.
"""

from __future__ import annotations

import os

# Forced: there is no legitimate reason for rag to report anything anywhere.
TELEMETRY_OFF: dict[str, str] = {
    "ORT_DISABLE_TELEMETRY": "1",  # onnxruntime's OneDS events (read by the native library)
    "ANONYMIZED_TELEMETRY": "False",  # chromadb (posthog)
    "GRADIO_ANALYTICS_ENABLED": "False",  # gradio's usage analytics and version check
    "HF_HUB_DISABLE_TELEMETRY": "1",  # huggingface_hub usage pings
    "DO_NOT_TRACK": "1",  # the cross-tool convention several libraries honour
}

# Defaults: models come from installed packages, never from a hub at run time.
OFFLINE_DEFAULTS: dict[str, str] = {
    "HF_HUB_OFFLINE": "1",
    "TRANSFORMERS_OFFLINE": "1",
}


def apply() -> None:
    os.environ.update(TELEMETRY_OFF)
    for name, value in OFFLINE_DEFAULTS.items():
        os.environ.setdefault(name, value)


apply()
