"""logprobs=True with top_logprobs=2 on chat: one entry per returned token, each with its log
probability and the two most likely alternatives at that position. Greedy (temperature 0): the
node reports the distribution a token was sampled from, which at temperature 0 is the model's
whole distribution (with top_p sampling, only the tokens that survive it are listed)."""


from node_clients import MODEL, openai_client
from run_check import run_check


def check(base_url: str) -> dict:
    client = openai_client(base_url)
    completion = client.chat.completions.create(
        model=MODEL,
        messages=[{"role": "user", "content": "Name a colour of the sky."}],
        max_tokens=8,
        temperature=0,
        logprobs=True,
        top_logprobs=2,
    )
    choice = completion.choices[0]
    entries = choice.logprobs.content if choice.logprobs is not None and choice.logprobs.content is not None else None
    return {
        "content": choice.message.content,
        "completion_tokens": completion.usage.completion_tokens if completion.usage is not None else None,
        "logprobs": None
        if entries is None
        else [
            {
                "token": entry.token,
                "logprob": entry.logprob,
                "top": [{"token": top.token, "logprob": top.logprob} for top in entry.top_logprobs],
            }
            for entry in entries
        ],
    }


run_check(check)
