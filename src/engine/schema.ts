import type { JsonSchema } from '../rule.js';

/**
 * The JsonSchema subset of src/rule.ts plus what the config's own shape needs. Unlike plain JSON
 * Schema, an object schema that lists `properties` is closed unless `additionalProperties` is true:
 * unknown option keys are always rejected.
 */
export interface SchemaNode extends Omit<JsonSchema, 'properties' | 'items' | 'additionalProperties'> {
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: boolean | SchemaNode;
  required?: readonly string[];
  minLength?: number;
}

/** Messages of the form `<path>: expected …, got …`, in document order; empty when valid. */
export function validate(value: unknown, schema: SchemaNode, path: string): string[] {
  const errors: string[] = [];
  check(value, schema, path, errors);
  return errors;
}

function check(value: unknown, schema: SchemaNode, path: string, errors: string[]): void {
  const at = path === '' ? '' : `${path}: `;
  if (!matchesType(value, schema) || (schema.enum && !schema.enum.includes(value as never))) {
    errors.push(`${at}expected ${describeSchema(schema)}, got ${describeValue(value)}`);
    return;
  }
  if (typeof value === 'number') {
    if ((schema.minimum !== undefined && value < schema.minimum) || (schema.maximum !== undefined && value > schema.maximum)) {
      errors.push(`${at}expected ${describeSchema(schema)}, got ${describeValue(value)}`);
    }
  } else if (typeof value === 'string') {
    if (schema.minLength !== undefined && value.length < schema.minLength) {
      errors.push(`${at}expected ${describeSchema(schema)}, got ${describeValue(value)}`);
    }
  } else if (Array.isArray(value)) {
    if (schema.items) value.forEach((item, i) => check(item, schema.items!, `${path}[${i}]`, errors));
  } else if (isPlainObject(value)) {
    checkObject(value, schema, path, errors);
  }
}

function checkObject(value: Record<string, unknown>, schema: SchemaNode, path: string, errors: string[]): void {
  const properties = schema.properties ?? {};
  const extra = schema.additionalProperties;
  const closed = extra === false || (extra === undefined && schema.properties !== undefined);
  for (const [key, item] of Object.entries(value)) {
    const keyPath = joinPath(path, key);
    const propertySchema = Object.hasOwn(properties, key) ? properties[key] : undefined;
    if (propertySchema) check(item, propertySchema, keyPath, errors);
    else if (typeof extra === 'object') check(item, extra, keyPath, errors);
    else if (closed) errors.push(`${keyPath}: unknown key (allowed: ${listOrNone(Object.keys(properties))})`);
  }
  for (const key of schema.required ?? []) {
    if (!Object.hasOwn(value, key)) errors.push(`${path === '' ? '' : `${path}: `}missing required key "${key}"`);
  }
}

function matchesType(value: unknown, schema: SchemaNode): boolean {
  switch (schema.type) {
    case undefined:
      return true;
    case 'object':
      return isPlainObject(value);
    case 'array':
      return Array.isArray(value);
    case 'integer':
      return Number.isInteger(value);
    case 'number':
      return typeof value === 'number' && Number.isFinite(value);
    default:
      return typeof value === schema.type;
  }
}

export function describeSchema(schema: SchemaNode): string {
  if (schema.enum) return `one of ${schema.enum.map((v) => JSON.stringify(v)).join(', ')}`;
  const type = schema.type ?? 'any value';
  if (type === 'integer' || type === 'number') {
    const { minimum: min, maximum: max } = schema;
    if (min !== undefined && max !== undefined) return `${type} between ${min} and ${max}`;
    if (min !== undefined) return `${type} >= ${min}`;
    if (max !== undefined) return `${type} <= ${max}`;
  }
  if (type === 'string' && schema.minLength === 1) return 'non-empty string';
  if (type === 'string' && schema.minLength !== undefined) return `string of at least ${schema.minLength} characters`;
  return type;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'object') return 'object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (value === undefined) return 'nothing';
  return String(value);
}

/** `a.b`, `a["src/**"]`: keys that are not plain words are quoted so the path stays unambiguous. */
export function joinPath(path: string, key: string): string {
  const simple = /^[A-Za-z_$][\w$-]*$/.test(key);
  if (path === '') return simple ? key : JSON.stringify(key);
  return simple ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function listOrNone(keys: string[]): string {
  return keys.length === 0 ? 'none' : keys.join(', ');
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Options merged over defaults: nested objects merge key by key, arrays and scalars replace.
 * A key missing from both takes the schema's `default` when it has one. Inputs are not mutated.
 */
export function applyDefaults<T>(options: unknown, schema: SchemaNode, defaults: T): T {
  if (!isPlainObject(defaults) && defaults !== undefined) return (options === undefined ? clone(defaults) : clone(options)) as T;
  const base: Record<string, unknown> = isPlainObject(defaults) ? { ...defaults } : {};
  for (const [key, propertySchema] of Object.entries(schema.properties ?? {})) {
    if (!Object.hasOwn(base, key) && propertySchema.default !== undefined) base[key] = propertySchema.default;
  }
  const out: Record<string, unknown> = {};
  const given = isPlainObject(options) ? options : {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(given)])) {
    const propertySchema = schema.properties?.[key] ?? {};
    if (!Object.hasOwn(given, key)) out[key] = clone(base[key]);
    else if (isPlainObject(given[key]) && isPlainObject(base[key])) out[key] = applyDefaults(given[key], propertySchema, base[key]);
    else out[key] = clone(given[key]);
  }
  return out as T;
}

function clone<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
