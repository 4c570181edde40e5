"""A LangChain tool round trip: bind_tools with a named tool_choice must come back as a valid call
of that tool; the tool's result, sent back as a ToolMessage with the call in the history, must
come back as text (tool_choice "none" asks for an answer, not another call)."""

from langchain_core.messages import HumanMessage
from langchain_core.tools import tool

from node_clients import langchain_chat
from run_check import run_check


@tool
def get_weather(city: str) -> str:
    """Get the current weather in a city."""
    return f"It is sunny and 22 degrees Celsius in {city}."


def check(base_url: str) -> dict:
    llm = langchain_chat(base_url, max_tokens=64)
    question = HumanMessage("What is the weather in Paris?")
    call_message = llm.bind_tools([get_weather], tool_choice="get_weather").invoke([question])
    calls = call_message.tool_calls
    observed = {
        "tool_calls": [{"name": call["name"], "args": call["args"], "id": call["id"]} for call in calls],
        "invalid_tool_calls": len(call_message.invalid_tool_calls),
    }
    if len(calls) == 0:
        raise ValueError(f"no tool call under a named tool_choice: {observed} content={call_message.content!r}")
    # Invoking a tool with a ToolCall gives the ToolMessage that answers that call (its id).
    tool_messages = [get_weather.invoke(call) for call in calls]
    answer = llm.bind_tools([get_weather], tool_choice="none").invoke([question, call_message, *tool_messages])
    observed["answer_text"] = answer.text
    observed["answer_tool_calls"] = len(answer.tool_calls)
    return observed


run_check(check)
