"""OpenAI's quickstart streaming loop, verbatim: it reads chunk.choices[0] on every chunk, so a
chunk without a choice (an IndexError here) breaks every client written from the docs."""

import sys


from node_clients import MODEL, openai_client
from run_check import run_check


def check(base_url: str) -> dict:
    client = openai_client(base_url)
    stream = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Name a colour of the sky."}],
        max_tokens=16,
        stream=True,
    )
    text = ""
    chunks = 0
    finish_reason = None
    for chunk in stream:
        print(chunk.choices[0].delta.content or "", end="", file=sys.stderr)
        text += chunk.choices[0].delta.content or ""
        finish_reason = chunk.choices[0].finish_reason or finish_reason
        chunks += 1
    return {"chunks": chunks, "text": text, "finish_reason": finish_reason}


run_check(check)
