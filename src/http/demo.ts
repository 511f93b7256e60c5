// GET /demo: a small product page with the widget, so a newcomer sees the bot right after `npm start`.
import type { FastifyInstance } from 'fastify';

const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Aurora Ceramics — Borderless demo store</title>
<style>
  body { font-family: system-ui, sans-serif; margin: 0; color: #1f2933; background: #faf7f2; }
  header { padding: 16px 32px; background: #fff; border-bottom: 1px solid #e4e7eb; display: flex; justify-content: space-between; }
  main { max-width: 960px; margin: 40px auto; display: grid; grid-template-columns: 1fr 1fr; gap: 40px; padding: 0 24px; }
  .photo { aspect-ratio: 1; border-radius: 12px; background: radial-gradient(circle at 30% 30%, #f6d3b3, #c8794a); }
  .price { font-size: 1.6rem; font-weight: 600; }
  button.buy { background: #1f2933; color: #fff; border: 0; border-radius: 8px; padding: 12px 24px; font-size: 1rem; }
  .hint { margin-top: 32px; padding: 16px; background: #fff; border-radius: 8px; border: 1px dashed #c8794a; }
  @media (max-width: 700px) { main { grid-template-columns: 1fr; } }
</style>
</head>
<body>
<header><strong>Aurora Ceramics</strong><span>Ships worldwide 🌍</span></header>
<main>
  <div class="photo" role="img" aria-label="A blue ceramic mug"></div>
  <section>
    <h1>Ceramic mug</h1>
    <p class="price">$24.99</p>
    <p>Glazed stoneware, 350 ml, in blue, white or green. Free shipping on orders over $49.</p>
    <button class="buy" type="button">Add to cart</button>
    <div class="hint">
      <p><strong>This is the Borderless demo.</strong> Open the chat in the corner and write in any of 12 languages:</p>
      <ul>
        <li>is this dishwasher safe?</li>
        <li>¿lo tienen en verde?</li>
        <li>where is my order 100234?</li>
        <li>¿envían a Chile?</li>
        <li>la tasse est arrivée cassée</li>
        <li>返品したいです</li>
        <li>أريد التحدث مع موظف</li>
      </ul>
    </div>
  </section>
</main>
<script src="/widget.js" defer data-title="Aurora Ceramics" data-accent="#c8794a" data-product="mug"></script>
</body>
</html>`;

export default async function demoRoutes(app: FastifyInstance) {
  app.get('/demo', async (_request, reply) => reply.type('text/html; charset=utf-8').send(page));
  app.get('/', async (_request, reply) => reply.redirect('/demo'));
}
