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
        self.labels = [""] * (n + 1) + [_NONE]  # the sentinel: index -1, no such word
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


class Context:
    """What features read of a sentence's words, built once per sentence. Each list holds the
    tokens, then the root, then a sentinel `-` that index -1 (no such word) reaches."""

    __slots__ = ("forms", "tags", "affixes", "clusters")

    def __init__(self, words: Sequence[Word], tags: Sequence[str]):
        """`words` and `tags` end with the root."""
        self.forms = [w.form for w in words] + [_NONE]
        self.tags = list(tags) + [_NONE]
        self.affixes = [f"{w.article}|{w.enclitic}|{w.suffix2}" for w in words] + [_NONE]
        self.clusters = [w.cluster for w in words] + [_NONE]


def features(state: State, context: Context) -> list[str]:
    """The stack/buffer neighbourhood of a state."""
    stack, b, n = state.stack, state.b, state.n
    forms, tags, labels = context.forms, context.tags, state.labels
    s0 = stack[-1] if stack else -1
    s1 = stack[-2] if len(stack) >= 2 else -1
    s2 = stack[-3] if len(stack) >= 3 else -1
    b1 = b + 1  # the sentinel when b is the root
    b2 = b + 2 if b + 2 <= n else -1
    lefts, rights = state.lefts, state.rights
    s0l = lefts[s0][0] if s0 >= 0 and lefts[s0] else -1
    s0r = rights[s0][-1] if s0 >= 0 and rights[s0] else -1
    b0l = lefts[b][0] if lefts[b] else -1
    s1r = rights[s1][-1] if s1 >= 0 and rights[s1] else -1
    s0w, s0t, s1w, s1t, b0w, b0t, b1t = forms[s0], tags[s0], forms[s1], tags[s1], forms[b], tags[b], tags[b1]
    dist = str(min(b - s0, 5)) if s0 >= 0 else _NONE
    s0x, b0x = context.affixes[s0], context.affixes[b]
    s0c, b0c = context.clusters[s0], context.clusters[b]
    return [
        "bias",
        "s0w=" + s0w, "s0t=" + s0t, "s0wt=" + s0w + "|" + s0t,
        "s1w=" + s1w, "s1t=" + s1t, "s1wt=" + s1w + "|" + s1t,
        "b0w=" + b0w, "b0t=" + b0t, "b0wt=" + b0w + "|" + b0t,
        "b1w=" + forms[b1], "b1t=" + b1t, "b2t=" + tags[b2], "s2t=" + tags[s2],
        "s0w|b0w=" + s0w + "|" + b0w,
        "s0t|b0t=" + s0t + "|" + b0t,
        "s0wt|b0t=" + s0w + "|" + s0t + "|" + b0t,
        "s0t|b0wt=" + s0t + "|" + b0w + "|" + b0t,
        "s0t|b0t|b1t=" + s0t + "|" + b0t + "|" + b1t,
        "s1t|s0t|b0t=" + s1t + "|" + s0t + "|" + b0t,
        "s2t|s1t|s0t=" + tags[s2] + "|" + s1t + "|" + s0t,
        "s1t|b0t=" + s1t + "|" + b0t,
        "s1t|s0t|b1t=" + s1t + "|" + s0t + "|" + b1t,
        "s0t|s0l|b0t=" + s0t + "|" + tags[s0l] + "|" + labels[s0l] + "|" + b0t,
        "s0t|s0r|b0t=" + s0t + "|" + tags[s0r] + "|" + labels[s0r] + "|" + b0t,
        "s0t|b0t|b0l=" + s0t + "|" + b0t + "|" + tags[b0l] + "|" + labels[b0l],
        "s1t|s1r|s0t=" + s1t + "|" + tags[s1r] + "|" + labels[s1r] + "|" + s0t,
        "s0t|b0t|d=" + s0t + "|" + b0t + "|" + dist,
        "s0w|d=" + s0w + "|" + dist, "b0w|d=" + b0w + "|" + dist,
        "s0x|b0x=" + s0x + "|" + b0x + "|" + s0t + "|" + b0t,
        "s0x=" + s0x + "|" + s0t, "b0x=" + b0x + "|" + b0t,
        "s0v=" + s0t + f"|{len(lefts[s0]) if s0 >= 0 else 0}|{len(rights[s0]) if s0 >= 0 else 0}",
        "s0labs=" + ("|".join(labels[d] for d in rights[s0]) if s0 >= 0 else _NONE),
        "b0labs=" + "|".join(labels[d] for d in lefts[b]),
        "s0c|b0c=" + s0c + "|" + b0c,
        "s0c|b0t=" + s0c + "|" + b0t,
        "s0t|b0c=" + s0t + "|" + b0c,
    ]
