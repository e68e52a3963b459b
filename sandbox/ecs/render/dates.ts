// Model timestamps are epoch ms; responses carry Dates (the wire layer writes epoch seconds).
export const date = (ms: number | undefined): Date | undefined => (ms === undefined ? undefined : new Date(ms));
