import { createApp } from 'vue';
import 'element-plus/theme-chalk/base.css';
import './styles.css';
import App from './App.vue';
import { router } from './router';
import { loadConfig } from './config';
import { restoreSession } from './auth/session';

await loadConfig();
restoreSession();
createApp(App).use(router).mount('#app');
