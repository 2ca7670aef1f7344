package main

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
)

// The mutation operators. Each changes what the code does in a way a test
// of its behaviour should notice; none only reformats.
const (
	opBoundary = "boundary" // < ↔ <=, > ↔ >=
	opNegate   = "negate"   // == ↔ !=
	opLogical  = "logical"  // && ↔ ||
	opNot      = "not"      // !x → x
	opConst    = "const"    // a constant's value or a comparison's integer operand ±1
	opReturn   = "return"   // return x → return !(x) in a function returning one bool
	opCall     = "call"     // a statement that is only a call is deleted
)

// allOps lists the operators in the order -ops documents them.
var allOps = []string{opBoundary, opNegate, opLogical, opNot, opConst, opReturn, opCall}

// A mutant is one change to one file: src[Start:End] replaced by Repl.
type mutant struct {
	File      string // path relative to the module root, slash-separated
	Line, Col int    // where the change starts
	Op        string
	Start     int // byte offsets in the file
	End       int
	Repl      string
	Orig      string // src[Start:End]
	Status    status
	Output    string // the end of go test's output, for a mutant that was not viable
	// Equivalent is the reason the equivalence list gives, when it lists
	// the mutant.
	Equivalent string
}

// String describes the mutant in one line: position, operator and change.
func (m mutant) String() string {
	orig, repl := oneLine(m.Orig), oneLine(m.Repl)
	if repl == "" {
		repl = "(deleted)"
	}
	return fmt.Sprintf("%s:%d:%d\t%s\t%s → %s", m.File, m.Line, m.Col, m.Op, orig, repl)
}

// oneLine shortens s to one line of at most 60 bytes for a report.
func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 60 {
		s = s[:57] + "..."
	}
	return s
}

// apply returns src with the mutant's change made.
func (m mutant) apply(src []byte) []byte {
	out := make([]byte, 0, len(src)+len(m.Repl))
	out = append(out, src[:m.Start]...)
	out = append(out, m.Repl...)
	return append(out, src[m.End:]...)
}

// mutants lists the mutants of one Go file (its source src, its path rel
// for the report) for the operators in ops.
func mutants(rel string, src []byte, ops []string) ([]mutant, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, rel, src, parser.SkipObjectResolution)
	if err != nil {
		return nil, err
	}
	on := func(op string) bool { return slices.Contains(ops, op) }
	var out []mutant
	add := func(op string, start, end token.Pos, repl string) {
		p := fset.Position(start)
		s, e := fset.Position(start).Offset, fset.Position(end).Offset
		out = append(out, mutant{File: rel, Line: p.Line, Col: p.Column, Op: op,
			Start: s, End: e, Repl: repl, Orig: string(src[s:e])})
	}
	// skip holds integer literals whose value is not behaviour: capacity
	// hints and array lengths.
	skip := map[ast.Expr]bool{}
	// deltas holds the integer literals the const operator changes, and
	// by how much: a named constant's value, a comparison's operand.
	deltas := map[*ast.BasicLit][]int64{}
	skipAll := func(e ast.Expr) {
		if e == nil {
			return
		}
		ast.Inspect(e, func(n ast.Node) bool {
			if lit, ok := n.(*ast.BasicLit); ok {
				skip[lit] = true
			}
			return true
		})
	}
	var boolFuncs []bool // for each enclosing function: does it return one bool?
	var walk func(n ast.Node) bool
	walk = func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.FuncDecl:
			if n.Body == nil {
				return false
			}
			boolFuncs = append(boolFuncs, returnsBool(n.Type))
			ast.Inspect(n.Body, walk)
			boolFuncs = boolFuncs[:len(boolFuncs)-1]
			return false
		case *ast.FuncLit:
			boolFuncs = append(boolFuncs, returnsBool(n.Type))
			ast.Inspect(n.Body, walk)
			boolFuncs = boolFuncs[:len(boolFuncs)-1]
			return false
		case *ast.GenDecl:
			if n.Tok == token.IMPORT {
				return false
			}
			if n.Tok == token.CONST {
				// A named constant is a threshold or a limit: one more and
				// one less should both show.
				for _, sp := range n.Specs {
					for _, v := range sp.(*ast.ValueSpec).Values {
						ast.Inspect(v, func(n ast.Node) bool {
							if lit, ok := n.(*ast.BasicLit); ok {
								deltas[lit] = []int64{+1, -1}
							}
							return true
						})
					}
				}
			}
		case *ast.CompositeLit:
			// A table's numbers (code point ranges, lookup rows) are data;
			// mutating them one by one would swamp the code's mutants.
			for _, e := range n.Elts {
				skipAll(e)
			}
		case *ast.ArrayType:
			skipAll(n.Len)
		case *ast.CallExpr:
			skipAll(capacityHint(n))
		case *ast.BinaryExpr:
			opEnd := n.OpPos + token.Pos(len(n.Op.String()))
			if lit, ok := n.Y.(*ast.BasicLit); ok {
				deltas[lit] = literalDeltas(n.Op, false)
			}
			if lit, ok := n.X.(*ast.BasicLit); ok {
				deltas[lit] = literalDeltas(n.Op, true)
			}
			switch n.Op {
			case token.LSS, token.LEQ, token.GTR, token.GEQ:
				if on(opBoundary) {
					add(opBoundary, n.OpPos, opEnd, boundary[n.Op].String())
				}
			case token.EQL, token.NEQ:
				if on(opNegate) {
					add(opNegate, n.OpPos, opEnd, negation[n.Op].String())
				}
			case token.LAND, token.LOR:
				if on(opLogical) {
					add(opLogical, n.OpPos, opEnd, logical[n.Op].String())
				}
			}
		case *ast.UnaryExpr:
			if n.Op == token.NOT && on(opNot) {
				add(opNot, n.OpPos, n.OpPos+1, "")
			}
		case *ast.BasicLit:
			v, err := strconv.ParseInt(strings.ReplaceAll(n.Value, "_", ""), 0, 64)
			if n.Kind != token.INT || !on(opConst) || skip[n] || err != nil {
				return true
			}
			for _, d := range deltas[n] {
				add(opConst, n.Pos(), n.End(), formatLike(n.Value, v+d))
			}
		case *ast.ReturnStmt:
			if on(opReturn) && len(boolFuncs) > 0 && boolFuncs[len(boolFuncs)-1] && len(n.Results) == 1 {
				r := n.Results[0]
				s, e := fset.Position(r.Pos()).Offset, fset.Position(r.End()).Offset
				add(opReturn, r.Pos(), r.End(), "!("+string(src[s:e])+")")
			}
		case *ast.ExprStmt:
			if _, ok := n.X.(*ast.CallExpr); ok && on(opCall) {
				add(opCall, n.Pos(), n.End(), "")
			}
		}
		return true
	}
	for _, d := range f.Decls {
		ast.Inspect(d, walk)
	}
	slices.SortStableFunc(out, func(a, b mutant) int { return a.Start - b.Start })
	return out, nil
}

// formatLike writes v in the base of the literal lit (hexadecimal for
// 0x…, decimal otherwise), so that a report shows 0x2069 → 0x206A.
func formatLike(lit string, v int64) string {
	if len(lit) > 2 && lit[0] == '0' && (lit[1] == 'x' || lit[1] == 'X') && v >= 0 {
		return "0x" + strings.ToUpper(strconv.FormatInt(v, 16))
	}
	return strconv.FormatInt(v, 10)
}

// literalDeltas says how the const operator changes an integer literal
// compared with op: on its left (left) or right. Against ==, != it moves
// both ways; against an order comparison only the way the boundary
// operator does not already give (x < n → x <= n is x < n+1, so const
// gives x < n-1).
func literalDeltas(op token.Token, left bool) []int64 {
	var d int64
	switch op {
	case token.EQL, token.NEQ:
		return []int64{+1, -1}
	case token.LSS, token.GEQ:
		d = -1
	case token.LEQ, token.GTR:
		d = +1
	default:
		return nil
	}
	if left {
		d = -d
	}
	return []int64{d}
}

var (
	boundary = map[token.Token]token.Token{token.LSS: token.LEQ, token.LEQ: token.LSS, token.GTR: token.GEQ, token.GEQ: token.GTR}
	negation = map[token.Token]token.Token{token.EQL: token.NEQ, token.NEQ: token.EQL}
	logical  = map[token.Token]token.Token{token.LAND: token.LOR, token.LOR: token.LAND}
)

// returnsBool reports whether a function type has exactly one result, of
// type bool.
func returnsBool(t *ast.FuncType) bool {
	if t.Results == nil || len(t.Results.List) != 1 || len(t.Results.List[0].Names) > 1 {
		return false
	}
	id, ok := t.Results.List[0].Type.(*ast.Ident)
	return ok && id.Name == "bool"
}

// capacityHint returns the argument of call that only says how much to
// allocate: the capacity of make(T, n, c), the size of make(map[K]V, n),
// the n of x.Grow(n). Mutating it would change no behaviour.
func capacityHint(call *ast.CallExpr) ast.Expr {
	switch fn := call.Fun.(type) {
	case *ast.Ident:
		if fn.Name != "make" {
			return nil
		}
		if len(call.Args) == 3 {
			return call.Args[2]
		}
		if _, ok := call.Args[0].(*ast.MapType); ok && len(call.Args) == 2 {
			return call.Args[1]
		}
	case *ast.SelectorExpr:
		if fn.Sel.Name == "Grow" && len(call.Args) == 1 {
			return call.Args[0]
		}
	}
	return nil
}
