package scaffold

import (
	"bytes"
	"hash/fnv"
	"image"
	"image/color"
	"image/png"
	"math"
	"unicode"
)

// Icon draws the connector's icon at px×px: a rounded square with a
// diagonal gradient in a hue derived from the name, and the name's initial
// in white with a soft shadow — a product's tile, recognisable at 16 px.
// The same name always gives the same bytes (golden tests rely on it), on
// every CPU: wherever a product (or a division the compiler turns into
// one) feeds a sum, it is wrapped in an explicit float64 conversion, which
// the Go spec makes round, so arm64 or amd64 v3 cannot fuse the two into
// an FMA with a different last bit (TestIconMathNotFused).
func Icon(name string, px int) ([]byte, error) {
	img := drawIcon(name, px)
	var b bytes.Buffer
	enc := png.Encoder{CompressionLevel: png.BestCompression}
	if err := enc.Encode(&b, img); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// samples per pixel side: 4×4 supersampling anti-aliases edges.
const samples = 4

func drawIcon(name string, px int) *image.NRGBA {
	h := fnv.New32a()
	h.Write([]byte(name))
	hue := float64(h.Sum32() % 360)
	light := hsl(hue, 0.68, 0.58)
	dark := hsl(math.Mod(hue+28, 360), 0.72, 0.36)

	// Small icons get a bigger, bolder letter so it still reads.
	height, weight := 0.54, 0.17
	if px <= 24 {
		height, weight = 0.62, 0.2
	}
	strokes := placeGlyph(initial(name), height)
	halfWidth := weight * height / 2
	shadow := 0.025

	img := image.NewNRGBA(image.Rect(0, 0, px, px))
	for y := 0; y < px; y++ {
		for x := 0; x < px; x++ {
			var r, g, b, a float64
			for sy := 0; sy < samples; sy++ {
				for sx := 0; sx < samples; sx++ {
					// /samples is a multiplication by 0.25 to the compiler.
					u := (float64(x) + float64((float64(sx)+0.5)/samples)) / float64(px)
					v := (float64(y) + float64((float64(sy)+0.5)/samples)) / float64(px)
					if !inRoundedSquare(u, v) {
						continue
					}
					c := mix(light, dark, (u+v)/2)
					c = mix(c, rgb{1, 1, 1}, 0.12*math.Max(0, 0.5-v)) // a faint top light
					switch {
					case nearStrokes(strokes, u, v, halfWidth):
						c = rgb{1, 1, 1}
					case nearStrokes(strokes, u-shadow, v-shadow, halfWidth):
						c = mix(c, rgb{0, 0, 0}, 0.22)
					}
					r, g, b, a = r+c.r, g+c.g, b+c.b, a+1
				}
			}
			if a == 0 {
				continue
			}
			n := float64(samples * samples)
			img.SetNRGBA(x, y, color.NRGBA{R: to8(r / a), G: to8(g / a), B: to8(b / a), A: to8(a / n)})
		}
	}
	return img
}

// initial is the letter to draw: the name's first letter, upper-cased, by
// its Latin base letter (Ñandu draws N); nil, a plain tile, when that
// letter is from another script.
func initial(name string) glyph {
	for _, r := range name {
		if !unicode.IsLetter(r) {
			continue
		}
		c, ok := latinBase(r)
		if !ok {
			return nil
		}
		if c >= 'a' && c <= 'z' {
			c -= 'a' - 'A'
		}
		return letters[c]
	}
	return letters['C']
}

// placeGlyph maps a glyph from its unit box into icon coordinates,
// centred, height tall and 0.8 as wide.
func placeGlyph(g glyph, height float64) glyph {
	width := height * 0.8
	out := make(glyph, len(g))
	for i, s := range g {
		out[i] = make([]pt, len(s))
		for j, p := range s {
			out[i][j] = pt{0.5 + float64((p.x-0.5)*width), 0.5 + float64((p.y-0.5)*height)}
		}
	}
	return out
}

// inRoundedSquare tests a point of the unit square against the tile: a
// small margin and corners of radius 0.22.
func inRoundedSquare(u, v float64) bool {
	const margin, radius = 0.03, 0.22
	lo, hi := margin+radius, 1-margin-radius
	dx := math.Max(0, math.Max(lo-u, u-hi))
	dy := math.Max(0, math.Max(lo-v, v-hi))
	return u >= margin && u <= 1-margin && v >= margin && v <= 1-margin && float64(dx*dx)+float64(dy*dy) <= radius*radius
}

func nearStrokes(g glyph, u, v, halfWidth float64) bool {
	for _, s := range g {
		if len(s) == 1 && dist2(pt{u, v}, s[0], s[0]) <= halfWidth*halfWidth {
			return true
		}
		for i := 1; i < len(s); i++ {
			if dist2(pt{u, v}, s[i-1], s[i]) <= halfWidth*halfWidth {
				return true
			}
		}
	}
	return false
}

// dist2 is the squared distance from p to the segment a–b.
func dist2(p, a, b pt) float64 {
	dx, dy := b.x-a.x, b.y-a.y
	t := 0.0
	if l := float64(dx*dx) + float64(dy*dy); l > 0 {
		t = math.Max(0, math.Min(1, (float64((p.x-a.x)*dx)+float64((p.y-a.y)*dy))/l))
	}
	ex, ey := p.x-(a.x+float64(t*dx)), p.y-(a.y+float64(t*dy))
	return float64(ex*ex) + float64(ey*ey)
}

type rgb struct{ r, g, b float64 }

func mix(a, b rgb, t float64) rgb {
	return rgb{a.r + float64((b.r-a.r)*t), a.g + float64((b.g-a.g)*t), a.b + float64((b.b-a.b)*t)}
}

// hsl converts hue (degrees), saturation and lightness to RGB.
func hsl(h, s, l float64) rgb {
	c := (1 - math.Abs(float64(2*l)-1)) * s
	x := c * (1 - math.Abs(math.Mod(h/60, 2)-1))
	m := l - float64(c/2)
	var r, g, b float64
	switch {
	case h < 60:
		r, g = c, x
	case h < 120:
		r, g = x, c
	case h < 180:
		g, b = c, x
	case h < 240:
		g, b = x, c
	case h < 300:
		r, b = x, c
	default:
		r, b = c, x
	}
	return rgb{r + m, g + m, b + m}
}

func to8(f float64) uint8 { return uint8(math.Round(math.Max(0, math.Min(1, f)) * 255)) }
