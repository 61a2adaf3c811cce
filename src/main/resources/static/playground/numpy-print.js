// numpy's str(array) for the arrays the notebooks print: np.set_printoptions defaults
// (precision 8, floatmode "maxprec", suppress False, linewidth 75), 1-D and 2-D arrays
// of up to 1000 elements (no "..." summarising). Digits come from the exact binary value
// (BigInt arithmetic), as numpy's Dragon4 produces them, so float32 answers print as a
// notebook under nnfs.init() printed them, and float64 answers as plain numpy did.

const PRECISION = 8;
const LINE_WIDTH = 75;

/** value = n / 10^s exactly, n a non-negative BigInt; sign apart. */
function exactDecimal(x) {
  const buffer = new DataView(new ArrayBuffer(8));
  buffer.setFloat64(0, Math.abs(x));
  const bits = buffer.getBigUint64(0);
  const biased = Number((bits >> 52n) & 0x7ffn);
  let mantissa = bits & ((1n << 52n) - 1n);
  let exponent;
  if (biased === 0) {
    exponent = -1074;
  } else {
    mantissa |= 1n << 52n;
    exponent = biased - 1075;
  }
  if (exponent >= 0) {
    return { n: mantissa << BigInt(exponent), s: 0 };
  }
  return { n: mantissa * 5n ** BigInt(-exponent), s: -exponent };
}

/** The exact decimal rounded to f fractional digits (f may be negative), ties to even. */
function roundAt(dec, f) {
  if (f >= dec.s) {
    return { n: dec.n * 10n ** BigInt(f - dec.s), s: f };
  }
  const unit = 10n ** BigInt(dec.s - f);
  let q = dec.n / unit;
  const twice = (dec.n % unit) * 2n;
  if (twice > unit || (twice === unit && q % 2n === 1n)) {
    q += 1n;
  }
  return { n: q, s: f };
}

function positionalText(neg, dec) {
  let digits = dec.n.toString();
  if (dec.s <= 0) {
    return (neg ? '-' : '') + digits + '0'.repeat(-dec.s) + '.';
  }
  digits = digits.padStart(dec.s + 1, '0');
  return (neg ? '-' : '') + digits.slice(0, digits.length - dec.s) + '.' + digits.slice(digits.length - dec.s);
}

/** Position of the leading digit: |x| = d.ddd × 10^e. */
function decimalExponent(dec) {
  return dec.n.toString().length - 1 - dec.s;
}

function roundTrips(text, x, dtype) {
  const back = Number(text);
  return (dtype === 'float32' ? Math.fround(back) : back) === x;
}

function isNegative(x) {
  return x < 0 || Object.is(x, -0);
}

/** Fractional digits of the shortest text that reads back as x, at most PRECISION. */
function uniqueFractionDigits(x, dtype) {
  const dec = exactDecimal(x);
  for (let f = 0; f < PRECISION; f++) {
    if (roundTrips(positionalText(false, roundAt(dec, f)), Math.abs(x), dtype)) {
      return f;
    }
  }
  return PRECISION;
}

/** Digits after the point of the shortest scientific text that reads back as x, at most PRECISION. */
function uniqueScientificDigits(x, dtype) {
  if (x === 0) {
    return 0;
  }
  const dec = exactDecimal(x);
  const e = decimalExponent(dec);
  for (let d = 0; d < PRECISION; d++) {
    if (roundTrips(positionalText(false, roundAt(dec, d - e)), Math.abs(x), dtype)) {
      return d;
    }
  }
  return PRECISION;
}

function positional(x, fractionDigits, trim) {
  let text = positionalText(isNegative(x), roundAt(exactDecimal(x), fractionDigits));
  if (trim) {
    text = text.replace(/(\.\d*?)0+$/, '$1');
  }
  return text;
}

function scientific(x, digits, expDigits) {
  const neg = isNegative(x);
  let mantissa;
  let e = 0;
  if (x === 0) {
    mantissa = { n: 0n, s: digits };
  } else {
    const dec = exactDecimal(x);
    e = decimalExponent(dec);
    const rounded = roundAt(dec, digits - e);
    mantissa = { n: rounded.n, s: digits };
    if (rounded.n.toString().length > digits + 1) {
      // 9.99… rounded up to 10.0…: one more power of ten
      e += 1;
      mantissa = { n: rounded.n / 10n, s: digits };
    }
  }
  const exp = String(Math.abs(e)).padStart(expDigits, '0');
  return positionalText(neg, mantissa) + 'e' + (e < 0 ? '-' : '+') + exp;
}

/**
 * A formatter for every element of one array, as numpy's FloatingFormat builds it:
 * scientific when the largest magnitude is at least 1e8, or the smallest non-zero one
 * below 1e-4, or their ratio above 1000; else positional, every value padded to the
 * widest integer and fraction parts.
 */
function floatFormatter(values, dtype) {
  const cast = dtype === 'float32' ? Math.fround : (v) => v;
  const nonZero = values.filter((v) => v !== 0).map(Math.abs);
  let expFormat = false;
  if (nonZero.length > 0) {
    const max = Math.max(...nonZero);
    const min = Math.min(...nonZero);
    expFormat = max >= cast(1e8) || min < cast(1e-4) || cast(max / min) > 1000;
  }
  if (expFormat) {
    const digits = Math.max(...values.map((v) => uniqueScientificDigits(v, dtype)));
    const texts = values.map((v) => scientific(v, digits, 2));
    const expDigits = Math.max(...texts.map((t) => t.length - t.indexOf('e') - 2));
    const padLeft = Math.max(...texts.map((t) => t.indexOf('.')));
    return (v) => {
      const text = scientific(v, digits, expDigits);
      return ' '.repeat(padLeft - text.indexOf('.')) + text;
    };
  }
  const texts = values.map((v) => positional(v, uniqueFractionDigits(v, dtype), true));
  const padLeft = Math.max(...texts.map((t) => t.indexOf('.')));
  const padRight = Math.max(...texts.map((t) => t.length - t.indexOf('.') - 1));
  return (v) => {
    const text = positional(v, uniqueFractionDigits(v, dtype), true);
    const point = text.indexOf('.');
    return ' '.repeat(padLeft - point) + text + ' '.repeat(padRight - (text.length - point - 1));
  };
}

function integerFormatter(values) {
  const width = Math.max(...values.map((v) => String(v).length));
  return (v) => String(v).padStart(width, ' ');
}

function extendLine(s, line, word, width, prefix) {
  let wrap = line.length + word.length > width;
  if (line.length <= prefix.length) {
    wrap = false;
  }
  if (wrap) {
    s += line.trimEnd() + '\n';
    line = prefix;
  }
  return [s, line + word];
}

function formatArray(array, format) {
  const recurse = (a, hangingIndent, width) => {
    if (!Array.isArray(a)) {
      return format(a);
    }
    const nextIndent = hangingIndent + ' ';
    const nextWidth = width - 1;
    let s = '';
    if (!Array.isArray(a[0])) {
      const elementWidth = width - 1;
      let line = hangingIndent;
      a.forEach((item, i) => {
        [s, line] = extendLine(s, line, recurse(item, nextIndent, nextWidth), elementWidth, hangingIndent);
        if (i < a.length - 1) {
          line += ' ';
        }
      });
      s += line;
    } else {
      s = a.map((item) => hangingIndent + recurse(item, nextIndent, nextWidth)).join('\n');
    }
    return '[' + s.slice(hangingIndent.length) + ']';
  };
  return recurse(array, ' ', LINE_WIDTH);
}

/**
 * str(np.array(values)) for a float array of the given dtype ("float32" or "float64"),
 * 1-D or 2-D, values as JavaScript numbers (float32 values are rounded to float32 first).
 */
export function printFloats(values, dtype) {
  const cast = dtype === 'float32' ? Math.fround : (v) => v;
  const castAll = (a) => (Array.isArray(a) ? a.map(castAll) : cast(a));
  const array = castAll(values);
  return formatArray(array, floatFormatter(array.flat(), dtype));
}

/** str(np.array(values)) for an integer array. */
export function printInts(values) {
  return formatArray(values, integerFormatter(values.flat()));
}
