"""Stage events.cameo.v5: events.cameo.v4's events with a learned confidence.

The events are v4's (same triggers, codes and evidence) but for one reading of the source: a
bare title (`استنكر سفير خادم الحرمين الشريفين لدى دولة الكويت الدكتور فلان`) becomes the
person whose role the roles stage read there (khabar.events.main.titled_person). And
`confidence` differs: v4 looks its table up by event kind and raw score
(khabar.events.calibration), v5 reads the logistic regression of
khabar.events.confidence_model over the event's features, with the coder's raw score as one of
them. `min_confidence` filters on it. docs/events-confidence-model.md has the measure on
never-read news and the threshold it suggests.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from importlib import resources

from khabar.document import Document
from khabar.events.confidence_model import MODEL_FILE, MODEL_PACKAGE, ConfidenceModel
from khabar.pipeline import model_identity, register, with_models
from khabar.stages.events import main_events

STAGE_V5 = "events.cameo.v5"


@register(STAGE_V5, requires=("sentences",), produces=("events",))
def make_events_learned(*, min_confidence: float = 0.0, classifier: bool = True,
                        require_source: bool = True, sourceless: Sequence[str] = ()
                        ) -> Callable[[Document], Document]:
    """Code and settle events as events.cameo.v4, with a learned confidence (docs/events-confidence-model.md).

    `min_confidence` keeps the events whose learned confidence reaches it; `classifier`,
    `require_source` and `sourceless` mean what they mean for events.cameo.v4.
    """
    model = ConfidenceModel.load()  # once per stage, never per event
    learned = main_events(STAGE_V5, min_confidence=min_confidence, classifier=classifier,
                          require_source=require_source, calibrated=False, sourceless=sourceless,
                          role_sources=True, rescore=model.apply)
    files = [resources.files(MODEL_PACKAGE) / MODEL_FILE]
    return with_models(learned, *getattr(learned, "models", ()),
                       model_identity("events/event_confidence", files))
