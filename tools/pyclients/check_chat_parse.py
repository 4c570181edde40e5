"""Structured outputs the way the openai package offers them: chat.completions.parse with a
Pydantic model sends response_format json_schema (strict) and parses the answer into the model."""

from pydantic import BaseModel

from node_clients import MODEL, openai_client
from run_check import run_check


class Sum(BaseModel):
    answer: int


def check(base_url: str) -> dict:
    client = openai_client(base_url)
    completion = client.chat.completions.parse(
        model=MODEL,
        messages=[{"role": "user", "content": "What is 2 + 3? Answer in JSON."}],
        response_format=Sum,
        max_tokens=48,
    )
    message = completion.choices[0].message
    return {
        "parsed_type": type(message.parsed).__name__,
        "parsed": message.parsed.model_dump() if isinstance(message.parsed, Sum) else None,
        "content": message.content,
        "refusal": message.refusal,
        "finish_reason": completion.choices[0].finish_reason,
    }


run_check(check)
