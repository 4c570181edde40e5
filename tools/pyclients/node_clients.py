"""The official clients as every check points them at the node: any API key, no retries (a retry
would hide a failure), and a timeout long enough for a vote of several candidates on a slow CPU."""

from langchain_openai import ChatOpenAI
from openai import OpenAI

CLIENT_TIMEOUT_S = 180
# Any name: the node serves its one model.
MODEL = "local-swarm"


def openai_client(base_url: str) -> OpenAI:
    return OpenAI(base_url=base_url, api_key="x", max_retries=0, timeout=CLIENT_TIMEOUT_S)


def langchain_chat(base_url: str, max_tokens: int) -> ChatOpenAI:
    return ChatOpenAI(
        base_url=base_url, api_key="x", model=MODEL, max_tokens=max_tokens, max_retries=0, timeout=CLIENT_TIMEOUT_S
    )
