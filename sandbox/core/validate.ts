// Input checks shared by the ECS and ECR operations. SDK v3 sends whatever the caller passed (it checks
// neither `required` nor lengths, aws-behaviour.md §1.2), so the emulator validates as AWS does and
// answers with InvalidParameterException rather than crashing on a wrong type.
import { AwsError, invalidParameter } from "./aws-error";
import type { Input } from "./operation";

type ErrorFactory = (message: string) => AwsError;

export function requiredString(input: Input, key: string, err: ErrorFactory = invalidParameter): string {
  const value = input[key];
  if (typeof value !== "string" || value.length === 0) throw err(`${key} is required and must be a non-empty string.`);
  return value;
}

export function optionalString(input: Input, key: string, err: ErrorFactory = invalidParameter): string | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "string") throw err(`${key} must be a string.`);
  return value;
}

export function optionalBoolean(input: Input, key: string, err: ErrorFactory = invalidParameter): boolean | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "boolean") throw err(`${key} must be a boolean.`);
  return value;
}

export function optionalInteger(
  input: Input,
  key: string,
  range: { min: number; max: number },
  err: ErrorFactory = invalidParameter,
): number | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "number" || !Number.isInteger(value) || value < range.min || value > range.max) {
    throw err(`${key} must be an integer between ${range.min} and ${range.max}.`);
  }
  return value;
}

export function optionalStringList(input: Input, key: string, err: ErrorFactory = invalidParameter): string[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "string")) throw err(`${key} must be a list of strings.`);
  return value as string[];
}

export function optionalObject(input: Input, key: string, err: ErrorFactory = invalidParameter): Input | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== "object" || Array.isArray(value)) throw err(`${key} must be an object.`);
  return value as Input;
}

export function optionalObjectList(input: Input, key: string, err: ErrorFactory = invalidParameter): Input[] | undefined {
  const value = input[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value) || value.some((item) => typeof item !== "object" || item === null || Array.isArray(item))) {
    throw err(`${key} must be a list of objects.`);
  }
  return value as Input[];
}

export function oneOf<T extends string>(
  value: string | undefined,
  key: string,
  allowed: readonly T[],
  err: ErrorFactory = invalidParameter,
): T | undefined {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw err(`${key} must be one of ${allowed.join(", ")}.`);
  return value as T;
}
