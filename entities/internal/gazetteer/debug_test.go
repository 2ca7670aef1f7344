package gazetteer
import ("testing";"os";"fmt";"time";"github.com/khabar-go/khabar/article")
func TestDebugSeed(t *testing.T){
 t0:=time.Now()
 g, err := Default(); if err != nil { t.Fatal(err) }
 fmt.Println("load", time.Since(t0), len(g.Records))
 b,_ := os.ReadFile("testdata/seed-ar-iran-belarus.txt")
 a,_ := article.Parse(string(b))
 m := g.NewMatcher()
 for i := 0; i < len(a.Tokens); {
   ms := m.At(a, i, len(a.Tokens))
   if ms.Name.Len()>0 { r:=g.Records[ms.Name.Records[0]]; fmt.Println("NAME", ms.Name.Span, a.Text(ms.Name.Span), r.ID, r.Name, r.Country) }
   if ms.Title.Len()>0 { fmt.Println("TITLE", ms.Title.Span, a.Text(ms.Title.Span), ms.Title.Title) }
   if ms.Demonym.Len()>0 { fmt.Println("DEM", ms.Demonym.Span, a.Text(ms.Demonym.Span), ms.Demonym.Country) }
   n := max(ms.Name.Len(), 1)
   i += n
 }
}
