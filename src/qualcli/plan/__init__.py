"""Route planning: rules of combination as linear constraints, checked or solved exactly."""
