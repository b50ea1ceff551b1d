package cn.bijie.innovation.local.web;

import java.nio.charset.StandardCharsets;

/**
 * The runner's "sign in as" page: pick a role (and, for an applicant, the organisation), get a token from
 * {@code /local/token} and hand it to the console at {@code /signed-in#token=…}. Only the runner has it; on AWS the
 * console signs in through Cognito's managed login instead. Its script is a file, so the console's CSP holds here too.
 */
final class SignInPage {
    static final String PATH = "/local/sign-in";
    static final String SCRIPT_PATH = "/local/sign-in.js";

    private SignInPage() {}

    static byte[] html() {
        return """
                <!doctype html>
                <html lang="zh-CN">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>本地登录 · 毕节市创新平台补助系统</title>
                <style>
                  body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", sans-serif; margin: 0; background: #f5f7fa; color: #303133; }
                  main { max-width: 420px; margin: 48px auto; padding: 24px; background: #fff; border-radius: 8px; box-shadow: 0 1px 4px rgba(0,0,0,.08); }
                  h1 { font-size: 20px; margin: 0 0 8px; }
                  p { color: #606266; font-size: 14px; }
                  label { display: block; margin: 16px 0 4px; font-size: 14px; }
                  input, select { width: 100%; box-sizing: border-box; padding: 8px; font-size: 16px; border: 1px solid #8c939d; border-radius: 4px; }
                  button { margin-top: 24px; width: 100%; padding: 10px; font-size: 16px; color: #fff; background: #1f5fbf; border: 0; border-radius: 4px; cursor: pointer; }
                  button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f5a623; outline-offset: 2px; }
                  #error { color: #c0392b; min-height: 1.5em; }
                </style>
                </head>
                <body>
                <main>
                  <h1>本地登录（仅本地运行器）</h1>
                  <p>选择以何种身份使用控制台。部署到云上时由统一身份认证（Cognito 托管登录）代替本页。</p>
                  <form id="sign-in">
                    <label for="role">角色</label>
                    <select id="role" name="role">
                      <option value="applicant">申报单位</option>
                      <option value="staff">科技局审核人员</option>
                      <option value="finance">财政拨付人员</option>
                      <option value="supervisor">监督人员（只读）</option>
                    </select>
                    <label for="uscc">统一社会信用代码（申报单位必填）</label>
                    <input id="uscc" name="uscc" autocomplete="off" maxlength="18" value="91520500MA6DKQ5X35">
                    <label for="sub">用户标识</label>
                    <input id="sub" name="sub" autocomplete="off" maxlength="64" placeholder="留空则自动生成">
                    <label for="email">邮箱</label>
                    <input id="email" name="email" type="email" autocomplete="off" value="user@example.com">
                    <p id="error" role="alert"></p>
                    <button type="submit">登录</button>
                  </form>
                </main>
                <script src="{script}"></script>
                </body>
                </html>
                """.replace("{script}", SCRIPT_PATH).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] script() {
        return """
                'use strict';
                document.getElementById('sign-in').addEventListener('submit', async (event) => {
                  event.preventDefault();
                  const form = event.target;
                  const role = form.role.value;
                  const uscc = form.uscc.value.trim().toUpperCase();
                  const body = { sub: form.sub.value.trim() || role + '-' + (role === 'applicant' ? uscc : 'local'),
                                 groups: [role], email: form.email.value.trim() || undefined };
                  if (role === 'applicant') body.uscc = uscc;
                  const error = document.getElementById('error');
                  error.textContent = '';
                  const response = await fetch('/local/token', { method: 'POST',
                    headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
                  if (!response.ok) { error.textContent = '登录失败，请检查填写的内容。'; return; }
                  const { token } = await response.json();
                  const back = new URLSearchParams(location.search).get('return') || '/';
                  const safe = back.startsWith('/') && !back.startsWith('//') ? back : '/';
                  location.replace('/signed-in#token=' + encodeURIComponent(token) + '&return=' + encodeURIComponent(safe));
                });
                """.getBytes(StandardCharsets.UTF_8);
    }
}
