"""LangChain's with_structured_output on a Pydantic model, default method (json_schema): the
answer comes back as an instance of the model."""

from pydantic import BaseModel

from node_clients import langchain_chat
from run_check import run_check


class Colour(BaseModel):
    name: str


def check(base_url: str) -> dict:
    llm = langchain_chat(base_url, max_tokens=48)
    result = llm.with_structured_output(Colour).invoke("Name a colour of the sky, in JSON.")
    return {
        "result_type": type(result).__name__,
        "result": result.model_dump() if isinstance(result, Colour) else repr(result),
    }


run_check(check)
