/** Closed vocabularies of the core domain. The database CHECK constraints use the same values. */
export const customerKinds = ['company', 'person'] as const;
export type CustomerKind = (typeof customerKinds)[number];

export const customerStatuses = ['prospect', 'active', 'dormant', 'lost'] as const;
export type CustomerStatus = (typeof customerStatuses)[number];

/** 高价值 / 普通 / 潜在或流失风险 — used for manual overrides until segmentation computes tiers. */
export const tiers = ['high', 'regular', 'potential'] as const;
export type Tier = (typeof tiers)[number];

export const interactionChannels = ['phone', 'email', 'visit', 'wechat', 'store', 'other'] as const;
export type InteractionChannel = (typeof interactionChannels)[number];

export const complaintSeverities = ['low', 'medium', 'high', 'critical'] as const;
export type ComplaintSeverity = (typeof complaintSeverities)[number];

export const staffRoles = ['sales', 'manager', 'service', 'admin'] as const;
export type StaffRole = (typeof staffRoles)[number];
