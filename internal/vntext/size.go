package vntext

import (
	"strconv"
	"strings"
)

// ByteSize writes a file size as Vietnamese readers see it next to a
// download link, with a decimal comma: "812 byte", "245 KB", "1,2 MB",
// "3,5 GB" (units of 1,024). KB are whole; MB and GB have one decimal,
// dropped when it is zero ("2 MB").
func ByteSize(n int64) string {
	const k = 1024
	switch {
	case n < 0:
		return ""
	case n < k:
		return strconv.FormatInt(n, 10) + " byte"
	case n < k*k-k/2: // rounds to at most 1023 KB
		return strconv.FormatInt((n+k/2)/k, 10) + " KB"
	case n < k*k*k-k*k*k/20: // from 0,95 GB on, in GB
		return decimal(float64(n)/(k*k)) + " MB"
	}
	return decimal(float64(n)/(k*k*k)) + " GB"
}

// decimal writes f with one decimal and a decimal comma, without a zero
// decimal.
func decimal(f float64) string {
	s := strconv.FormatFloat(f, 'f', 1, 64)
	s = strings.TrimSuffix(s, ".0")
	return strings.Replace(s, ".", ",", 1)
}
