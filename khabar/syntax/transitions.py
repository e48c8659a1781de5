"""Arc-hybrid transitions (Kuhlmann, Gómez-Rodríguez and Satta 2011) with their features.

Tokens 0..n-1 and an artificial root n at the end of the buffer. SHIFT moves the first buffer
word onto the stack; LEFT makes the first buffer word the head of the stack's top and pops it;
RIGHT makes the word under the top its head and pops it. Parsing ends when the stack is empty
and only the root is left in the buffer. The training oracle is the dynamic one of Goldberg and
Nivre (2013): the cost of an action is the number of gold arcs it makes unreachable.
"""

from __future__ import annotations

from collections.abc import Sequence

from khabar.syntax.features import Word

SHIFT, LEFT, RIGHT = "S", "L", "R"
ACTIONS = (SHIFT, LEFT, RIGHT)
_NONE = "-"


class State:
    """A parse in progress (mutable: a parse makes thousands of small steps)."""

    __slots__ = ("n", "stack", "b", "heads", "labels", "lefts", "rights")

    def __init__(self, n: int):
        self.n = n
        self.stack: list[int] = []
        self.b = 0
        self.heads = [-1] * (n + 1)
        self.labels = [""] * (n + 1)
        self.lefts: list[list[int]] = [[] for _ in range(n + 1)]
        self.rights: list[list[int]] = [[] for _ in range(n + 1)]

    def done(self) -> bool:
        return not self.stack and self.b == self.n

    def valid(self) -> list[str]:
        moves = []
        if self.b < self.n:
            moves.append(SHIFT)
        if self.stack:
            moves.append(LEFT)
        if len(self.stack) >= 2:
            moves.append(RIGHT)
        return moves

    def head_for(self, action: str) -> tuple[int, int]:
        """(head, dependent) of the arc `action` makes (LEFT or RIGHT)."""
        dep = self.stack[-1]
        return (self.b, dep) if action == LEFT else (self.stack[-2], dep)

    def apply(self, action: str, label: str = "") -> None:
        if action == SHIFT:
            self.stack.append(self.b)
            self.b += 1
            return
        head, dep = self.head_for(action)
        self.stack.pop()
        self.heads[dep] = head
        self.labels[dep] = label
        (self.lefts if dep < head else self.rights)[head].append(dep)


def costs(state: State, gold: Sequence[int], children: Sequence[Sequence[int]]) -> dict[str, int]:
    """The dynamic oracle: gold arcs each valid action loses (gold heads use n for the root)."""
    stack, b = state.stack, state.b
    out: dict[str, int] = {}
    if b < state.n:
        s0 = stack[-1] if stack else -1
        out[SHIFT] = sum((gold[s] == b) + (gold[b] == s and s != s0) for s in stack)
    if stack:
        s0 = stack[-1]
        s1 = stack[-2] if len(stack) >= 2 else -1
        lost_children = sum(1 for d in children[s0] if d >= b)
        head = gold[s0]
        out[LEFT] = lost_children + (head != b and (head == s1 or head > b))
        if s1 >= 0:
            out[RIGHT] = lost_children + (head >= b)
    return out


def features(state: State, words: Sequence[Word], tags: Sequence[str]) -> list[str]:
    """The stack/buffer neighbourhood of a state (`words` and `tags` end with the root)."""
    stack, b, n = state.stack, state.b, state.n
    s0 = stack[-1] if stack else -1
    s1 = stack[-2] if len(stack) >= 2 else -1
    s2 = stack[-3] if len(stack) >= 3 else -1
    b1 = b + 1 if b + 1 <= n else -1
    b2 = b + 2 if b + 2 <= n else -1

    def w(i: int) -> str:
        return words[i].form if i >= 0 else _NONE

    def t(i: int) -> str:
        return tags[i] if i >= 0 else _NONE

    def lab(i: int) -> str:
        return state.labels[i] if i >= 0 else _NONE

    s0l = state.lefts[s0][0] if s0 >= 0 and state.lefts[s0] else -1
    s0r = state.rights[s0][-1] if s0 >= 0 and state.rights[s0] else -1
    b0l = state.lefts[b][0] if state.lefts[b] else -1
    s1r = state.rights[s1][-1] if s1 >= 0 and state.rights[s1] else -1
    s0w, s0t, s1t, b0w, b0t, b1t = w(s0), t(s0), t(s1), w(b), t(b), t(b1)
    dist = str(min(b - s0, 5)) if s0 >= 0 else _NONE
    w0 = words[s0] if s0 >= 0 else None
    wb = words[b]
    s0x = f"{w0.article}|{w0.enclitic}|{w0.suffix2}" if w0 else _NONE
    b0x = f"{wb.article}|{wb.enclitic}|{wb.suffix2}"
    return [
        "bias",
        "s0w=" + s0w, "s0t=" + s0t, "s0wt=" + s0w + "|" + s0t,
        "s1w=" + w(s1), "s1t=" + s1t, "s1wt=" + w(s1) + "|" + s1t,
        "b0w=" + b0w, "b0t=" + b0t, "b0wt=" + b0w + "|" + b0t,
        "b1w=" + w(b1), "b1t=" + b1t, "b2t=" + t(b2), "s2t=" + t(s2),
        "s0w|b0w=" + s0w + "|" + b0w,
        "s0t|b0t=" + s0t + "|" + b0t,
        "s0wt|b0t=" + s0w + "|" + s0t + "|" + b0t,
        "s0t|b0wt=" + s0t + "|" + b0w + "|" + b0t,
        "s0t|b0t|b1t=" + s0t + "|" + b0t + "|" + b1t,
        "s1t|s0t|b0t=" + s1t + "|" + s0t + "|" + b0t,
        "s2t|s1t|s0t=" + t(s2) + "|" + s1t + "|" + s0t,
        "s1t|b0t=" + s1t + "|" + b0t,
        "s1t|s0t|b1t=" + s1t + "|" + s0t + "|" + b1t,
        "s0t|s0l|b0t=" + s0t + "|" + t(s0l) + "|" + lab(s0l) + "|" + b0t,
        "s0t|s0r|b0t=" + s0t + "|" + t(s0r) + "|" + lab(s0r) + "|" + b0t,
        "s0t|b0t|b0l=" + s0t + "|" + b0t + "|" + t(b0l) + "|" + lab(b0l),
        "s1t|s1r|s0t=" + s1t + "|" + t(s1r) + "|" + lab(s1r) + "|" + s0t,
        "s0t|b0t|d=" + s0t + "|" + b0t + "|" + dist,
        "s0w|d=" + s0w + "|" + dist, "b0w|d=" + b0w + "|" + dist,
        "s0x|b0x=" + s0x + "|" + b0x + "|" + s0t + "|" + b0t,
        "s0x=" + s0x + "|" + s0t, "b0x=" + b0x + "|" + b0t,
        "s0v=" + s0t + f"|{len(state.lefts[s0]) if s0 >= 0 else 0}|{len(state.rights[s0]) if s0 >= 0 else 0}",
        "s0labs=" + ("|".join(state.labels[d] for d in state.rights[s0]) if s0 >= 0 else _NONE),
        "b0labs=" + "|".join(state.labels[d] for d in state.lefts[b]),
        "s0c|b0c=" + (w0.cluster if w0 else _NONE) + "|" + wb.cluster,
        "s0c|b0t=" + (w0.cluster if w0 else _NONE) + "|" + b0t,
        "s0t|b0c=" + s0t + "|" + wb.cluster,
    ]
