// Port definitions for this area are added by the feature that owns it.
export {};
