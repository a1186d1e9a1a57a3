/** A colour as sRGB channels 0–255 and alpha 0–1. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

type Vector = [number, number, number];
type Matrix = [Vector, Vector, Vector];

const times = (m: Matrix, [x, y, z]: Vector): Vector => m.map(([a, b, c]) => a * x + b * y + c * z) as Vector;

// The matrices are CSS Color 4's (its sample code, section 18).
const XYZ_D65_TO_LINEAR_SRGB: Matrix = [
  [3.2409699419045226, -1.537383177570094, -0.4986107602930034],
  [-0.9692436362808796, 1.8759675015077202, 0.04155505740717559],
  [0.05563007969699366, -0.20397695888897652, 1.0569715142428786],
];
const D50_TO_D65: Matrix = [
  [0.955473421488075, -0.02309845494876471, 0.06325924320057072],
  [-0.0283697093338637, 1.0099953980813041, 0.021041441191917323],
  [0.012314014864481998, -0.020507649298898964, 1.330365926242124],
];
const LINEAR_P3_TO_XYZ_D65: Matrix = [
  [0.4865709486482162, 0.26566769316909306, 0.1982172852343625],
  [0.2289745640697488, 0.6917385218365064, 0.079286914093745],
  [0, 0.04511338185890264, 1.043944368900976],
];
const OKLAB_TO_LMS: Matrix = [
  [1, 0.3963377774, 0.2158037573],
  [1, -0.1055613458, -0.0638541728],
  [1, -0.0894841775, -1.291485548],
];
const LMS_TO_LINEAR_SRGB: Matrix = [
  [4.0767416621, -3.3077115913, 0.2309699292],
  [-1.2684380046, 2.6097574011, -0.3413193965],
  [-0.0041960863, -0.7034186147, 1.707614701],
];
const D50_WHITE: Vector = [0.3457 / 0.3585, 1, (1 - 0.3457 - 0.3585) / 0.3585];

const decode = (c: number) =>
  Math.sign(c) * (Math.abs(c) <= 0.04045 ? Math.abs(c) / 12.92 : ((Math.abs(c) + 0.055) / 1.055) ** 2.4);
const encode = (c: number) => (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);

function labToLinearSrgb([l, a, b]: Vector): Vector {
  const epsilon = 216 / 24389;
  const kappa = 24389 / 27;
  const fy = (l + 16) / 116;
  const fx = fy + a / 500;
  const fz = fy - b / 200;
  const xyz: Vector = [
    fx ** 3 > epsilon ? fx ** 3 : (116 * fx - 16) / kappa,
    l > kappa * epsilon ? fy ** 3 : l / kappa,
    fz ** 3 > epsilon ? fz ** 3 : (116 * fz - 16) / kappa,
  ];
  const [x, y, z] = D50_WHITE;
  return times(XYZ_D65_TO_LINEAR_SRGB, times(D50_TO_D65, [xyz[0] * x, xyz[1] * y, xyz[2] * z]));
}

function oklabToLinearSrgb(lab: Vector): Vector {
  return times(LMS_TO_LINEAR_SRGB, times(OKLAB_TO_LMS, lab).map((c) => c ** 3) as Vector);
}

/** Polar (lightness, chroma, hue in degrees) to rectangular (lightness, a, b). */
function fromPolar([l, c, h]: Vector): Vector {
  const radians = (h * Math.PI) / 180;
  return [l, c * Math.cos(radians), c * Math.sin(radians)];
}

const TO_LINEAR_SRGB: Record<string, (channels: Vector) => Vector> = {
  srgb: (rgb) => rgb.map(decode) as Vector,
  'srgb-linear': (rgb) => rgb,
  'display-p3': (rgb) =>
    times(XYZ_D65_TO_LINEAR_SRGB, times(LINEAR_P3_TO_XYZ_D65, rgb.map(decode) as Vector)),
  xyz: (xyz) => times(XYZ_D65_TO_LINEAR_SRGB, xyz),
  'xyz-d65': (xyz) => times(XYZ_D65_TO_LINEAR_SRGB, xyz),
  'xyz-d50': (xyz) => times(XYZ_D65_TO_LINEAR_SRGB, times(D50_TO_D65, xyz)),
  lab: labToLinearSrgb,
  lch: (lch) => labToLinearSrgb(fromPolar(lch)),
  oklab: oklabToLinearSrgb,
  oklch: (lch) => oklabToLinearSrgb(fromPolar(lch)),
};

const FUNCTION = /^(oklab|oklch|lab|lch|color)\(([^)]*)\)$/;

/**
 * Reads a computed colour that browsers leave in its own space rather than turn into
 * `rgb()`: `oklab()`, `oklch()`, `lab()`, `lch()`, and `color()` in srgb, srgb-linear,
 * display-p3, xyz, xyz-d65 or xyz-d50 (what `color-mix()` in those spaces computes to).
 * Converted to sRGB and clipped to its gamut; undefined for anything else, such as
 * `color()` in a98-rgb, prophoto-rgb or rec2020. Computed values have plain numbers (and `none`, which is 0).
 */
export function parseColourFunction(value: string): Rgba | undefined {
  const match = FUNCTION.exec(value.trim());
  if (!match) return undefined;
  const [channels = '', alpha] = (match[2] as string).split('/');
  const words = channels.trim().split(/\s+/);
  const space = match[1] === 'color' ? words.shift() : match[1];
  const toLinear = space === undefined ? undefined : TO_LINEAR_SRGB[space];
  const numbers = words.map((word) => (word === 'none' ? 0 : Number(word)));
  const a = alpha === undefined ? 1 : Number(alpha.trim());
  if (!toLinear || numbers.length !== 3 || numbers.some(Number.isNaN) || Number.isNaN(a)) return undefined;
  const [r, g, b] = toLinear(numbers as Vector).map((c) => 255 * encode(Math.min(1, Math.max(0, c))));
  return { r: r as number, g: g as number, b: b as number, a };
}
