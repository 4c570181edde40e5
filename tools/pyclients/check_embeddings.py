"""embeddings.create over a list of inputs. The openai package asks for base64 unless told
otherwise and decodes it, so this is what its users get by default."""

import math


from node_clients import MODEL, openai_client
from run_check import run_check


def check(base_url: str) -> dict:
    client = openai_client(base_url)
    response = client.embeddings.create(model=MODEL, input=["The sky is blue.", "Grass is green."])
    vectors = [item.embedding for item in response.data]
    return {
        "object": response.object,
        "indexes": [item.index for item in response.data],
        "dimensions": [len(vector) for vector in vectors],
        "all_finite": all(isinstance(value, float) and math.isfinite(value) for vector in vectors for value in vector),
        "distinct": len(vectors) == 2 and vectors[0] != vectors[1],
        "prompt_tokens": response.usage.prompt_tokens,
    }


run_check(check)
