// Where a request lands when it does not say otherwise: the demo account and region of product.md.
export const DEFAULT_ACCOUNT = "123456789012";
export const DEFAULT_REGION = "ap-south-1";
