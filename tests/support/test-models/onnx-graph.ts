import { createRequire } from 'node:module';
import type { onnx as OnnxTypes } from 'onnx-proto';

// protobufjs' generated CommonJS module: its named export is invisible to Node's ESM lexer.
const { onnx } = createRequire(import.meta.url)('onnx-proto') as { onnx: typeof OnnxTypes };

/** ONNX element types used by the test models. */
export const DType = { float: 1, uint8: 2, int8: 3, int32: 6, int64: 7 } as const;
type DTypeCode = (typeof DType)[keyof typeof DType];

type AttrValue = number | readonly number[] | { readonly float: number };

/**
 * A tiny ONNX graph builder: enough to write the test models by hand with
 * `onnx-proto` (no Python, no hub). Names are generated so callers chain
 * outputs into inputs like function calls.
 */
export class OnnxGraph {
  private readonly nodes: OnnxTypes.INodeProto[] = [];
  private readonly initializers: OnnxTypes.ITensorProto[] = [];
  private readonly inputs: OnnxTypes.IValueInfoProto[] = [];
  private readonly outputs: OnnxTypes.IValueInfoProto[] = [];
  private counter = 0;

  /** Declares a graph input with symbolic or fixed dims. */
  input(name: string, type: DTypeCode, dims: readonly (string | number)[]): string {
    this.inputs.push(valueInfo(name, type, dims));
    return name;
  }

  /** Declares a graph output. */
  output(name: string, type: DTypeCode, dims: readonly (string | number)[]): void {
    this.outputs.push(valueInfo(name, type, dims));
  }

  /** Adds a constant tensor (weights) and returns its name. */
  tensor(prefix: string, type: DTypeCode, dims: readonly number[], data: ArrayBufferView): string {
    const name = `${prefix}_${this.counter++}`;
    const rawData = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    this.initializers.push({ name, dataType: type, dims: [...dims], rawData });
    return name;
  }

  /** Shorthands for small constants. */
  floats(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.tensor('f', DType.float, dims, new Float32Array(values));
  }
  int64s(values: readonly number[], dims: readonly number[] = [values.length]): string {
    return this.tensor('i', DType.int64, dims, new BigInt64Array(values.map(BigInt)));
  }

  /** Adds one node; returns its output names (`outputs` of them). */
  op(type: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}, outputs = 1): string[] {
    const names = Array.from({ length: outputs }, () => `${type.toLowerCase()}_${this.counter++}`);
    this.nodes.push({
      opType: type,
      name: names[0],
      input: [...inputs],
      output: names,
      attribute: Object.entries(attrs).map(([name, value]) => attribute(name, value)),
    });
    return names;
  }

  /** Single-output node. */
  op1(type: string, inputs: readonly string[], attrs: Record<string, AttrValue> = {}): string {
    return this.op(type, inputs, attrs)[0]!;
  }

  /** Renames the last node's output to a graph output name. */
  nameLast(name: string): void {
    const last = this.nodes.at(-1);
    if (last?.output) last.output = [name];
  }

  /** Serializes the model (opset 17, deterministic bytes). */
  encode(producer: string): Uint8Array {
    const model = onnx.ModelProto.create({
      irVersion: 8,
      producerName: producer,
      opsetImport: [{ domain: '', version: 17 }],
      graph: {
        name: 'main',
        node: this.nodes,
        initializer: this.initializers,
        input: this.inputs,
        output: this.outputs,
      },
    });
    return onnx.ModelProto.encode(model).finish();
  }
}

function valueInfo(name: string, type: DTypeCode, dims: readonly (string | number)[]): OnnxTypes.IValueInfoProto {
  return {
    name,
    type: {
      tensorType: {
        elemType: type,
        shape: { dim: dims.map((d) => (typeof d === 'string' ? { dimParam: d } : { dimValue: d })) },
      },
    },
  };
}

function attribute(name: string, value: AttrValue): OnnxTypes.IAttributeProto {
  const types = onnx.AttributeProto.AttributeType;
  if (typeof value === 'number') return { name, type: types.INT, i: value };
  if ('float' in value) return { name, type: types.FLOAT, f: value.float };
  return { name, type: types.INTS, ints: [...value] };
}
