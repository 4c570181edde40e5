"""The Responses API as the openai package calls it: responses.create with a text input, read back
through the output_text convenience property."""


from node_clients import MODEL, openai_client
from run_check import run_check


def check(base_url: str) -> dict:
    client = openai_client(base_url)
    response = client.responses.create(model=MODEL, input="Name a colour of the sky.", max_output_tokens=16)
    return {
        "object": response.object,
        "status": response.status,
        "output_text": response.output_text,
        "output_types": [item.type for item in response.output],
    }


run_check(check)
