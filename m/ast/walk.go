package ast

// Inspect traverses the tree rooted at node in depth-first order: it calls
// f(node); if f returns true it visits each non-nil child in source order.
// Section members, record fields, let bindings and parameters are visited
// as nodes of their own. It keeps its own stack, so any depth of tree is
// fine.
func Inspect(node Node, f func(Node) bool) {
	if node == nil {
		return
	}
	stack := []Node{node}
	for len(stack) > 0 {
		n := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !f(n) {
			continue
		}
		kids := Children(n)
		for i := len(kids) - 1; i >= 0; i-- {
			stack = append(stack, kids[i])
		}
	}
}

// Children returns the direct children of node in source order.
func Children(node Node) []Node {
	var out []Node
	add := func(n Node) {
		if n == nil {
			return
		}
		// A typed nil pointer in an interface is not a child.
		switch v := n.(type) {
		case *Ident:
			if v == nil {
				return
			}
		case *RecordExpr:
			if v == nil {
				return
			}
		case *FuncLit:
			if v == nil {
				return
			}
		case *PrimitiveType:
			if v == nil {
				return
			}
		}
		out = append(out, n)
	}
	switch n := node.(type) {
	case *File:
		if n.Section != nil {
			add(n.Section)
		}
		add(n.Expr)
	case *Section:
		add(n.Attrs)
		add(n.Name)
		for _, m := range n.Members {
			add(m)
		}
	case *Member:
		add(n.Attrs)
		add(n.Name)
		add(n.Value)
	case *ListExpr:
		for _, x := range n.Items {
			add(x)
		}
	case *RangeExpr:
		add(n.From)
		add(n.To)
	case *RecordExpr:
		for _, f := range n.Fields {
			add(f)
		}
	case *Field:
		add(n.Name)
		add(n.Value)
	case *ParenExpr:
		add(n.X)
	case *SectionAccessExpr:
		add(n.Section)
		add(n.Member)
	case *CallExpr:
		add(n.Fun)
		for _, x := range n.Args {
			add(x)
		}
	case *ItemAccessExpr:
		add(n.X)
		add(n.Index)
	case *FieldAccessExpr:
		add(n.X)
		add(n.Name)
	case *ProjectionExpr:
		add(n.X)
		for _, f := range n.Fields {
			add(f)
		}
	case *UnaryExpr:
		add(n.X)
	case *BinaryExpr:
		add(n.X)
		add(n.Y)
	case *FuncLit:
		for _, p := range n.Params {
			add(p)
		}
		add(n.ReturnType)
		add(n.Body)
	case *Param:
		add(n.Name)
		add(n.Type)
	case *EachExpr:
		add(n.Body)
	case *LetExpr:
		for _, b := range n.Bindings {
			add(b)
		}
		add(n.Body)
	case *IfExpr:
		add(n.Cond)
		add(n.Then)
		add(n.Else)
	case *ErrorExpr:
		add(n.X)
	case *TryExpr:
		add(n.X)
		add(n.Default)
		add(n.CatchFn)
	case *TypeExpr:
		add(n.X)
	case *RecordType:
		for _, f := range n.Fields {
			add(f)
		}
	case *FieldSpec:
		add(n.Name)
		add(n.Type)
	case *ListType:
		add(n.Elem)
	case *FunctionType:
		for _, p := range n.Params {
			add(p)
		}
		add(n.Return)
	case *TableType:
		add(n.Row)
	case *NullableType:
		add(n.X)
	}
	return out
}
