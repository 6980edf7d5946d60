package checks

import (
	"bytes"
	"image"
	"image/color"
	"image/png"
)

// iconSizes are the pixel sizes, item by item, that the Icon16 and Icon32
// lists of SourceImage and SourceTypeImage promise.
var iconSizes = []struct {
	Field string
	Sizes []int
}{
	{"Icon16", []int{16, 20, 24, 32}},
	{"Icon32", []int{32, 40, 48, 64}},
}

// squarePNG returns a PNG of n×n pixels, for the examples of PQ017.
func squarePNG(n int) string {
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	for i := range n {
		img.Set(i, i, color.NRGBA{R: 0x20, G: 0x60, B: 0xc0, A: 0xff})
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		return ""
	}
	return b.String()
}
