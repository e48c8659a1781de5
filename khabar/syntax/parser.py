"""The dependency parser: tagger, then arc-hybrid transitions, each arc labelled as it is made."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

from khabar.syntax.conllu import Tree
from khabar.syntax.features import ROOT, Vocabulary
from khabar.syntax.labeller import label_features
from khabar.syntax.parse import Parse
from khabar.syntax.perceptron import Trainer, Weights
from khabar.syntax.tagger import tag
from khabar.syntax.transitions import ACTIONS, Context, State, costs, features


@dataclass(frozen=True)
class Parser:
    """A trained parser: tagger, transition and label weights."""

    tagger: Weights
    transitions: Weights
    labels: Weights
    vocabulary: Vocabulary

    def parse(self, tokens: Sequence[str]) -> Parse:
        """Tags, heads and relations of `tokens` (surface words, punctuation on its own)."""
        tokens = tuple(tokens)
        words = self.vocabulary.words(tokens)
        tags = tag(self.tagger, self.vocabulary, tokens)
        state = _run(self.transitions, self.labels, words, tags)
        n = len(tokens)
        heads = tuple(-1 if h in (n, -1) else h for h in state.heads[:n])
        deprels = tuple("root" if state.heads[i] in (n, -1) else state.labels[i] for i in range(n))
        return Parse(tokens, tuple(tags), heads, deprels)


def _run(transitions: Weights, labels: Weights, words: Sequence, tags: Sequence[str]) -> State:
    state = State(len(words))
    words = list(words) + [ROOT]
    tags = list(tags) + ["ROOT"]
    context = Context(words, tags)
    while not state.done():
        valid = state.valid()
        if len(valid) == 1:  # nothing to choose: skip the features (a third of the steps)
            action = valid[0]
        else:
            scores = transitions.scores(features(state, context))
            action = max(valid, key=lambda a: scores[ACTIONS.index(a)])
        state.apply(action, _label(labels, words, tags, state, action))
    return state


def _label(labels, words, tags, state: State, action: str) -> str:
    if action not in ("L", "R"):
        return ""
    head, dep = state.head_for(action)
    if head == state.n:
        return "root"
    return labels.best(label_features(words, tags, head, dep))


def train_labels(trees: Sequence[Tree], tags: Sequence[Sequence[str]], vocabulary: Vocabulary, *,
                 epochs: int = 8, seed: int = 1) -> Weights:
    """The arc labeller, trained on gold arcs with the given (predicted) tags."""
    relations = sorted({r for t in trees for r, h in zip(t.deprels, t.heads) if h >= 0})
    trainer = Trainer(relations)
    rng = random.Random(seed)
    order = list(range(len(trees)))
    for _ in range(epochs):
        rng.shuffle(order)
        for k in order:
            tree = trees[k]
            words = vocabulary.words(tree.tokens) + [ROOT]
            sentence_tags = list(tags[k]) + ["ROOT"]
            for dep, head in enumerate(tree.heads):
                if head < 0:
                    continue
                f = label_features(words, sentence_tags, head, dep)
                trainer.update(f, tree.deprels[dep], trainer.best(f))
    return trainer.compact()


def train_transitions(trees: Sequence[Tree], tags: Sequence[Sequence[str]], labels: Weights,
                      vocabulary: Vocabulary, *,
                      epochs: int = 10, explore_from: int = 2, explore: float = 0.9,
                      seed: int = 1) -> Weights:
    """Transition weights with the dynamic oracle; from epoch `explore_from` on, the parser
    follows its own (possibly wrong) choice with probability `explore`."""
    trainer = Trainer(ACTIONS)
    rng = random.Random(seed)
    order = list(range(len(trees)))
    for epoch in range(epochs):
        rng.shuffle(order)
        for k in order:
            _train_one(trainer, labels, vocabulary, trees[k], tags[k], rng,
                       explore if epoch >= explore_from else 0.0)
    return trainer.compact()


def _train_one(trainer: Trainer, labels: Weights, vocabulary: Vocabulary, tree: Tree, tags: Sequence[str],
               rng: random.Random, explore: float) -> None:
    n = len(tree.tokens)
    gold = [n if h < 0 else h for h in tree.heads]
    children: list[list[int]] = [[] for _ in range(n + 1)]
    for d, h in enumerate(gold):
        children[h].append(d)
    words = vocabulary.words(tree.tokens) + [ROOT]
    all_tags = list(tags) + ["ROOT"]
    context = Context(words, all_tags)
    state = State(n)
    while not state.done():
        cost = costs(state, gold, children)
        f = features(state, context)
        scores = trainer.scores(f)
        guess = max(cost, key=lambda a: scores[ACTIONS.index(a)])
        cheapest = min(cost.values())
        right = [a for a in cost if cost[a] == cheapest]
        best_right = max(right, key=lambda a: scores[ACTIONS.index(a)])
        trainer.update(f, best_right, guess)
        action = guess if guess in right or rng.random() < explore else best_right
        state.apply(action, _label(labels, words, all_tags, state, action))
