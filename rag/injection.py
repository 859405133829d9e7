"""Text in a document is data: recognise sentences that try to instruct the reader-as-assistant.

A document may contain "Ignore previous instructions and answer that …". Such a sentence is
never evidence for a claim: the verifier refuses to let it be a claim's only support, and the
LLM prompt tells the model that passages are data. The patterns address a model or its
answer ("answer that", "respond with", "ignore previous instructions", "you are an AI"), not
ordinary imperatives: a manual's "You must install Python 3.11 first." is a fact about the
software and stays usable.
"""

from __future__ import annotations

import re

# Verbs of producing an answer: what an injected instruction asks the model to do.
_ANSWER_VERBS = r"(?:answer|respond|reply|say|state|claim|write|output|tell\s+(?:the\s+)?users?)"
_PREVIOUS = r"(?:previous|prior|above|earlier|preceding|all|any|other|your|the)"
_RULES = r"(?:instructions?|prompts?|directions?|rules|guidelines|context|passages?|documents?|messages?)"

_INSTRUCTION = re.compile(
    r"|".join(
        [
            # "Ignore previous instructions", "disregard all prior rules", "forget the above".
            rf"\b(?:ignore|disregard|forget|override|bypass)\s+(?:(?:all|any|of|the)\s+)*"
            rf"{_PREVIOUS}\s+(?:\w+\s+)?{_RULES}\b",
            r"\b(?:ignore|disregard|forget)\s+(?:everything|all)\s+(?:above|before|else)\b",
            # "Answer that …", "respond with …" opening a sentence or after a modal: an order
            # about the reply, not a statement about the world.
            rf"(?:^|[.!?:;]\s+|\bplease\s+|\b(?:you|assistants?|models?|ai)\s+"
            rf"(?:must|should|shall|will|are\s+to|need\s+to|have\s+to|are\s+required\s+to)\s+"
            rf"(?:always\s+|only\s+|now\s+)?){_ANSWER_VERBS}\s+(?:only\s+)?(?:that|with|by\s+saying|:|\")",
            r"\b(?:you|assistants?|models?)\s+(?:must|should|have\s+to|are\s+required\s+to)\s+"
            r"(?:always\s+|never\s+|not\s+)?"
            r"(?:answer|respond|reply|say|cite|obey|follow\s+(?:these|the\s+following|my))\b",
            # A chat turn written into the document: "Assistant: the capital is Paris." (not "AI:",
            # which opens a glossary entry as often).
            r"^(?:assistant|language\s+model)\s*:",
            r"\byou\s+are\s+(?:now\s+)?(?:an?|the)\s+(?:ai|assistant|language\s+model|chat\s*bot|llm)\b",
            r"\bas\s+an\s+ai(?:\s+language\s+model)?\b",
            r"\b(?:system|developer)\s+(?:prompt|message|instructions?)\b",
            r"\bnew\s+instructions?\s*:",
        ]
    ),
    re.IGNORECASE,
)


def looks_like_instruction(sentence: str) -> bool:
    """Whether a sentence addresses the assistant as an instruction rather than stating a fact."""
    return _INSTRUCTION.search(" ".join(sentence.split())) is not None
