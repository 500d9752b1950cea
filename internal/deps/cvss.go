package deps

import (
	"math"
	"strings"
)

// cvss3Weights are the CVSS v3.x base metric weights of the specification. Privileges
// Required weighs more when the scope changes; those weights are under "PR:C".
var cvss3Weights = map[string]map[string]float64{
	"AV":   {"N": 0.85, "A": 0.62, "L": 0.55, "P": 0.2},
	"AC":   {"L": 0.77, "H": 0.44},
	"PR":   {"N": 0.85, "L": 0.62, "H": 0.27},
	"PR:C": {"N": 0.85, "L": 0.68, "H": 0.5},
	"UI":   {"N": 0.85, "R": 0.62},
	"C":    {"H": 0.56, "L": 0.22, "N": 0},
	"I":    {"H": 0.56, "L": 0.22, "N": 0},
	"A":    {"H": 0.56, "L": 0.22, "N": 0},
}

// cvss3Score computes the base score of a CVSS v3.0 or v3.1 vector, such as
// "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H". ok is false for anything else.
func cvss3Score(vector string) (score float64, ok bool) {
	parts := strings.Split(vector, "/")
	if len(parts) < 9 || (parts[0] != "CVSS:3.0" && parts[0] != "CVSS:3.1") {
		return 0, false
	}
	metrics := make(map[string]string, len(parts)-1)
	for _, p := range parts[1:] {
		k, v, found := strings.Cut(p, ":")
		if !found {
			return 0, false
		}
		metrics[k] = v
	}

	changed := metrics["S"] == "C"
	if !changed && metrics["S"] != "U" {
		return 0, false
	}
	w := make(map[string]float64, 8)
	for _, m := range []string{"AV", "AC", "PR", "UI", "C", "I", "A"} {
		table := cvss3Weights[m]
		if m == "PR" && changed {
			table = cvss3Weights["PR:C"]
		}
		weight, known := table[metrics[m]]
		if !known {
			return 0, false
		}
		w[m] = weight
	}

	iss := 1 - (1-w["C"])*(1-w["I"])*(1-w["A"])
	impact := 6.42 * iss
	if changed {
		impact = 7.52*(iss-0.029) - 3.25*math.Pow(iss-0.02, 15)
	}
	if impact <= 0 {
		return 0, true
	}
	exploitability := 8.22 * w["AV"] * w["AC"] * w["PR"] * w["UI"]
	if changed {
		return roundUp(math.Min(1.08*(impact+exploitability), 10)), true
	}
	return roundUp(math.Min(impact+exploitability, 10)), true
}

// roundUp is CVSS v3.1's Roundup: the smallest number with one decimal that is at least
// x, computed on integers to avoid floating-point surprises.
func roundUp(x float64) float64 {
	n := int64(math.Round(x * 100000))
	if n%10000 == 0 {
		return float64(n) / 100000
	}
	return float64(n/10000+1) / 10
}
