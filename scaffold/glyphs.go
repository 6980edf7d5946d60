package scaffold

import "math"

// A glyph is a letter drawn as strokes: polylines in a unit box (x right,
// y down, 0..1), rendered with round caps. Strokes keep the font tiny and
// scale cleanly from 16 to 80 pixels.
type glyph [][]pt

type pt struct{ x, y float64 }

// arc returns points on an ellipse from angle a0 to a1 (degrees; 0 is
// right, 90 is down), in either direction.
func arc(cx, cy, rx, ry, a0, a1 float64) []pt {
	const step = 7.5
	n := int(math.Ceil(math.Abs(a1-a0)/step)) + 1
	out := make([]pt, n)
	for i := range out {
		a := (a0 + float64((a1-a0)*float64(i)/float64(n-1))) * math.Pi / 180
		out[i] = pt{cx + float64(rx*math.Cos(a)), cy + float64(ry*math.Sin(a))} // no FMA: see Icon
	}
	return out
}

func line(ps ...float64) []pt {
	out := make([]pt, len(ps)/2)
	for i := range out {
		out[i] = pt{ps[2*i], ps[2*i+1]}
	}
	return out
}

// join chains polylines into one, so a stroke turns its corners smoothly.
func join(parts ...[]pt) []pt {
	var out []pt
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// letters is the upper-case alphabet; a name's initial picks one.
var letters = map[byte]glyph{
	'A': {line(0.1, 1, 0.5, 0, 0.9, 1), line(0.26, 0.64, 0.74, 0.64)},
	'B': {join(line(0.15, 0.5, 0.15, 0, 0.5, 0), arc(0.5, 0.25, 0.27, 0.25, -90, 90), line(0.15, 0.5, 0.55, 0.5)),
		join(arc(0.55, 0.75, 0.3, 0.25, -90, 90), line(0.15, 1, 0.15, 0.5))},
	'C': {arc(0.55, 0.5, 0.42, 0.5, 40, 320)},
	'D': {join(line(0.15, 1, 0.15, 0, 0.42, 0), arc(0.42, 0.5, 0.43, 0.5, -90, 90), line(0.15, 1))},
	'E': {line(0.85, 0, 0.15, 0, 0.15, 1, 0.85, 1), line(0.15, 0.5, 0.7, 0.5)},
	'F': {line(0.85, 0, 0.15, 0, 0.15, 1), line(0.15, 0.5, 0.7, 0.5)},
	'G': {arc(0.55, 0.5, 0.42, 0.5, 320, 35), line(0.58, 0.56, 0.93, 0.56, 0.93, 0.8)},
	'H': {line(0.15, 0, 0.15, 1), line(0.85, 0, 0.85, 1), line(0.15, 0.5, 0.85, 0.5)},
	'I': {line(0.5, 0, 0.5, 1), line(0.28, 0, 0.72, 0), line(0.28, 1, 0.72, 1)},
	'J': {join(line(0.75, 0, 0.75, 0.68), arc(0.48, 0.68, 0.27, 0.32, 0, 180))},
	'K': {line(0.15, 0, 0.15, 1), line(0.85, 0, 0.15, 0.62), line(0.4, 0.41, 0.87, 1)},
	'L': {line(0.15, 0, 0.15, 1, 0.85, 1)},
	'M': {line(0.1, 1, 0.1, 0, 0.5, 0.62, 0.9, 0, 0.9, 1)},
	'N': {line(0.15, 1, 0.15, 0, 0.85, 1, 0.85, 0)},
	'O': {arc(0.5, 0.5, 0.42, 0.5, 0, 360)},
	'P': {join(line(0.15, 1, 0.15, 0, 0.52, 0), arc(0.52, 0.28, 0.33, 0.28, -90, 90), line(0.15, 0.56))},
	'Q': {arc(0.5, 0.5, 0.42, 0.5, 0, 360), line(0.6, 0.7, 0.92, 1.04)},
	'R': {join(line(0.15, 1, 0.15, 0, 0.52, 0), arc(0.52, 0.28, 0.33, 0.28, -90, 90), line(0.15, 0.56)), line(0.5, 0.56, 0.87, 1)},
	'S': {join(arc(0.5, 0.27, 0.34, 0.27, 330, 90), arc(0.5, 0.73, 0.36, 0.27, -90, 150))},
	'T': {line(0.1, 0, 0.9, 0), line(0.5, 0, 0.5, 1)},
	'U': {join(line(0.15, 0, 0.15, 0.6), arc(0.5, 0.6, 0.35, 0.4, 180, 0), line(0.85, 0))},
	'V': {line(0.1, 0, 0.5, 1, 0.9, 0)},
	'W': {line(0.04, 0, 0.27, 1, 0.5, 0.35, 0.73, 1, 0.96, 0)},
	'X': {line(0.12, 0, 0.88, 1), line(0.88, 0, 0.12, 1)},
	'Y': {line(0.1, 0, 0.5, 0.5, 0.9, 0), line(0.5, 0.5, 0.5, 1)},
	'Z': {line(0.15, 0, 0.85, 0, 0.15, 1, 0.85, 1)},
}
