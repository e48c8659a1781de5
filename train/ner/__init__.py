"""Named-entity model training: clusters, data recipe, priors experiment, CRF training."""
